import FoundationEssentials
import TerminalFrame

/// A paste: text for the field that has the focus, never keys, so that pasted lines cannot press Enter, choose
/// in a picker or record anything. Notes and commander annotations keep its line breaks; every other field
/// (titles, reasons, feedback, names, placeholder values, filters, searches, typed confirmations) is one line,
/// and a line break there becomes a space. Where no field is open, the paste is dropped and the notice says so.
func handlePaste(_ model: AppModel, _ paste: Paste) -> (AppModel, [Effect]) {
    var model = model
    model.notice =
        paste.truncated
        ? Notice(text: model.tr("ui.notice.paste_truncated", ["limit": String(Paste.limit)]), isError: true) : nil
    switch model.overlay {
    case .prompt(var prompt):
        prompt.editor.paste(paste.text)
        model.overlay = .prompt(prompt)
    case .startForm(var form) where form.field == .title:
        form.title.paste(paste.text)
        model.overlay = .startForm(form)
    case .command(.placeholder(let draft, let index, var editor)):
        editor.paste(paste.text)
        model.overlay = .command(.placeholder(draft, index: index, editor: editor))
    case .command(.confirm(let draft, var typedYes?)):
        typedYes.paste(paste.text)
        model.overlay = .command(.confirm(draft, typedYes: typedYes))
    case .unsavedQuit(var question):
        question.confirmation.paste(paste.text)
        model.overlay = .unsavedQuit(question)
    case nil where model.screen == .catalog && model.catalog.filter != nil:
        model.catalog.filter?.paste(paste.text)
        model.catalog.cursor = 0
    case nil where model.screen == .review && model.review?.input != nil:
        model.review?.input?.editor.paste(paste.text)
    default:
        model.notice = Notice(text: model.tr("ui.notice.paste_ignored"), isError: true)
    }
    return (model, [])
}
