import Foundation

func handleKey(_ model: AppModel, _ key: Key) -> (AppModel, [Effect]) {
    if key == .control("c") { return (model, [.quit]) }
    return (model, [])
}

func handleResult(_ model: AppModel, _ message: Message) -> (AppModel, [Effect]) {
    (model, [])
}
