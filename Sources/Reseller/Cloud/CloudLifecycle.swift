import SandboxCore

/// Registers the cloud model's job kinds and timers with the scheduler.
enum CloudLifecycle {
    static func register(in scheduler: Scheduler, model: ResellerModel) {
        VirtualServerProvisioning.register(in: scheduler)
        VirtualServerPower.register(in: scheduler)
        ServerBackups.register(in: scheduler)
        ScheduledTasks.register(in: scheduler)
        SoftwareInstallations.register(in: scheduler)
    }
}
