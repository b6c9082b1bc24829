/// One named step of `BuildPipeline`: it reads and fills the run's state, and returns a
/// summary to end the build there (nil: go on to the next step).
struct BuildStep {
    let name: String
    let run: (inout BuildRun) -> BuildPipeline.Summary?
}
