import SandboxCore

/// Registers the dedicated model's job kinds and timers with the scheduler.
enum DedicatedLifecycle {
    static func register(in scheduler: Scheduler, model: ResellerModel) {}
}
