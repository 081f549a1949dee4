import IncidentModel
import RunbookKit
import TerminalFrame

/// Keys in the start form: Tab and the arrows move between fields, each field takes its own keys, Enter starts.
func startFormKey(_ model: AppModel, _ form: StartForm, _ key: Key) -> (AppModel, [Effect]) {
    var model = model
    var form = form
    let fields = StartForm.Field.allCases
    switch key {
    case .escape:
        model.overlay = nil
        return (model, [])
    case .enter:
        let title = form.title.submitted
        guard !title.isEmpty else {
            model.notice = Notice(text: model.tr("ui.notice.title_needed"), isError: true)
            return (model, [])
        }
        model.overlay = nil
        model.notice = Notice(text: model.tr("ui.notice.opening"), isError: false)
        return (model, [.openIncident(runbook: form.runbook, title: title, severity: form.severity, drill: form.drill)])
    case .tab, .down:
        form.field = fields[(form.field.rawValue + 1) % fields.count]
    case .backTab, .up:
        form.field = fields[(form.field.rawValue + fields.count - 1) % fields.count]
    default:
        switch form.field {
        case .title:
            _ = form.title.handle(key)
        case .severity:
            let all = Severity.allCases
            let index = all.firstIndex(of: form.severity) ?? 0
            switch key {
            case .left, .character("h"): form.severity = all[(index + all.count - 1) % all.count]
            case .right, .character("l"), .character(" "): form.severity = all[(index + 1) % all.count]
            case .character(let c) where ("0"..."3").contains(c):
                form.severity = Severity(rawValue: "P\(c)") ?? form.severity
            default: break
            }
        case .drill:
            switch key {
            case .left, .right, .character("h"), .character("l"), .character(" "): form.drill.toggle()
            case .character("y"): form.drill = true
            case .character("n"): form.drill = false
            default: break
            }
        }
    }
    model.overlay = .startForm(form)
    return (model, [])
}
