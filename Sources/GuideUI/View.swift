/// The smallest terminal the guide lays out in; below it the view says so.
public let minimumSize = (width: 40, height: 12)

/// Draws the whole screen for the model. Pure.
public func view(_ model: AppModel) -> Frame {
    var frame = Frame(width: model.width, height: model.height)
    guard model.width >= minimumSize.width, model.height >= minimumSize.height else {
        drawTooSmall(&frame)
        return frame
    }
    return frame
}

func drawTooSmall(_ frame: inout Frame) {}
