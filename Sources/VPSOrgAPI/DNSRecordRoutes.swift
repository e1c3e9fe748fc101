import APIKit
import HTTP1
import SandboxCore
import VPSOrg

/// `/api/v1/dns-records/{uuid}/`: change (partially) or delete a record.
enum DNSRecordRoutes {
    static let base = VPSOrgAPI.dnsRecords

    static func routes(model: VPSOrgModel) -> [APIRoute] {
        [
            .tenant(
                .PATCH, base + "/{record_id}", "Change some fields of a DNS record; the result is checked as a whole",
                input: DNSRecordInput.change, before: { request in _ = try model.record(request.parameter("record_id"), in: request.context) },
                answer: .json(DNSRecordPresenter.record)
            ) { request, input in
                try model.changeRecord(request.parameter("record_id"), DNSRecordInput.changes(input), in: request.context)
            },
            .tenant(.DELETE, base + "/{record_id}", "Delete a DNS record", answer: .empty()) { request, _ in
                try model.deleteRecord(request.parameter("record_id"), in: request.context)
            },
        ]
    }

    /// What a created record's uuid is used for.
    static let links = [("ChangeRecord", HTTPMethod.PATCH), ("DeleteRecord", .DELETE)].map { name, method in
        AnswerLink(name, method, VPSOrgAPI.prefix + base + "/{record_id}", [("record_id", "$response.body#/uuid")])
    }
}
