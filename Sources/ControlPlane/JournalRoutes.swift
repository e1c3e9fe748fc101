import APIKit
import HTTP1
import SandboxCore

/// `/_sandbox/requests`: the request journal, newest first, filtered; or cleared.
enum JournalRoutes {
    static func routes(journal: RequestJournal) -> [APIRoute] {
        [
            .memory(
                .GET, "/requests", "List journaled API requests (filters: method, path, status, since, limit; ?all=true)",
                input: JournalInput.list, answer: .json(JournalPresenter.list)
            ) { request, _, input in
                let filter = JournalInput.Filter(input, token: try ControlScope.token(request, input))
                return journal.entries(where: filter.includes, limit: filter.limit)
            },
            .memory(
                .DELETE, "/requests", "Clear the tenant's journal (everything with ?all=true)", input: ControlScope.input,
                answer: .json(RemovalPresenter.removed)
            ) { request, _, input in
                let token = try ControlScope.token(request, input)
                return journal.clear { token == nil || $0.token == token }
            },
        ]
    }
}
