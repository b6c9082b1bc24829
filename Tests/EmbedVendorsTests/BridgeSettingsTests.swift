import EmbedCore
@testable import EmbedVendors
import Foundation
import Testing

/// The settings block is written and read with the same types.
@Suite struct BridgeSettingsTests {
    static let every = BridgeSettings(locale: "fr", parts: BridgeContribution(
        frames: [FrameSettings(id: "es-frame-1", app: "web-agent", origin: "https://apirtc.github.io", protocol: "current",
                               configuration: .init(apiRtc: .init(apiKey: "k", cloudUrl: nil)), conversation: nil,
                               guest: .init(name: "</script>", phone: nil),
                               ui: .init(controls: false, gallery: true, toasts: true, resize: true))],
        loaderAgent: LoaderAgentSettings(containerId: "es-loader-2", script: "https://cdn.apirtc.com/agent/loaderAgent.js",
                                         server: "https://cloud.apizee.com/", apiKey: nil, agentInfoEndpoint: "/me", useFrame: true,
                                         params: .init(directory: true, directoryStartOpen: nil, useDefaultTheme: nil, template: nil, culture: "fr")),
        chatapp: [ChatAppTokenSettings(frameId: "es-frame-3", origin: "https://dialogs.pro", src: "https://dialogs.pro/", tokenEndpoint: "/t")],
        engage: EngageSettings(labels: ["vip"], checkVisibility: true, cobrowse: false),
        timeline: TimelineSettings(containerId: "es-timeline-4", endpoint: "/e/{ticketId}")))

    @Test func whatTheGeneratorWritesTheCheckerReadsBack() throws {
        let text = Self.every.scriptJSON
        #expect(!text.contains("</script"), "escaped for a script element")
        #expect(BridgeSettings.read(json: text) == Self.every)
        #expect(Self.every.parts.features == [.frames, .loaderAgent, .chatapp, .engage, .timeline])
    }

    @Test func nullsAndAbsentKeysAreWrittenAsTheBridgeExpects() {
        let plain = BridgeSettings(locale: "en", parts: BridgeContribution()).scriptJSON
        #expect(plain == #"{"frames":[],"loaderAgent":null,"locale":"en","version":1}"#)
        #expect(Self.every.scriptJSON.contains(#""apiKey":null"#) && Self.every.scriptJSON.contains(#""conversation":null"#))
        #expect(!Self.every.scriptJSON.contains("cloudUrl") && !Self.every.scriptJSON.contains("template"))
    }

    @Test func readingIsLenientAsTheBridgeIs() {
        // A malformed key is absent; a list keeps its well-formed entries; non-objects are nil.
        let mixed = #"{"frames":3,"chatapp":[{"frameId":"a","origin":"https://dialogs.pro","src":"https://dialogs.pro/","tokenEndpoint":"/t"},{"frameId":"b","src":"x"}]}"#
        let read = BridgeSettings.read(json: mixed)
        #expect(read?.parts.frames == [])
        #expect(read?.parts.chatapp.map(\.frameId) == ["a"])
        #expect(BridgeSettings.read(json: "[1]") == nil)
        #expect(HostBridge.runTimeFrameSources(settingsJSON: mixed) == ["a": "https://dialogs.pro/"])
    }

    @Test func aSecondSingleInstanceFeatureIsReportedByMerge() {
        var page = BridgeContribution()
        #expect(page.merge(BridgeContribution(timeline: TimelineSettings(containerId: "a", endpoint: "/e"))) == [])
        #expect(page.merge(BridgeContribution(frames: Self.every.parts.frames, timeline: TimelineSettings(containerId: "b", endpoint: "/e"))) == [.timeline])
        #expect(page.features == [.frames, .timeline])
    }
}
