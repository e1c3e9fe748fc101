import SandboxCore

/// Registers the dedicated model's job kinds and timers with the scheduler.
enum DedicatedLifecycle {
    /// A market order being provisioned (`orderComplete: false` until it ends).
    static let provision = "dedicated.provision"
    /// A BYOD order being assembled (24-48 hours).
    static let byodBuild = "dedicated.byod-build"
    /// An operating-system installation after `reinstall` (20-40 minutes).
    static let install = "dedicated.install"
    /// The end of a reboot: the server comes back online.
    static let boot = "dedicated.boot"

    static func register(in scheduler: Scheduler, model: ResellerModel) {
        let catalog = model.dedicated
        scheduler.register(
            JobKind(provision) { context, job in
                try DedicatedServers.provisioned(job.resourceId, in: context)
                return JobResult(serverId: job.resourceId).stored
            })
        scheduler.register(
            JobKind(
                byodBuild, complete: { context, job in try ByodOrder.complete(job.resourceId, catalog: catalog, in: context) },
                fail: { context, job, _ in try ByodOrder.failed(job.resourceId, in: context) }))
        scheduler.register(JobKind(install) { context, job in try DedicatedInstallation.finish(job, in: context) })
        scheduler.onTimer(boot) { context, timer in
            guard let id = timer.resourceId else { return }
            try DedicatedPower.rebooted(id, in: context)
        }
    }
}
