import GuideUI
import Testing

/// After `y` the notice says what was sent, not that the clipboard has it: a terminal may ignore OSC 52, and tmux
/// keeps it only with `set-clipboard on`.
@Suite("the notice after a copy says what carried the command")
struct ClipboardNoticeTests {
    /// The bottom line after the runtime answers a copy with `message`.
    static func notice(_ message: Message) -> String? {
        let copied = run(CommandFixtures.walkthrough(), keys(.tab, .character("y")) + [message]).0
        return copied.notice.map { $0.isError ? "ERROR " + $0.text : $0.text }
    }

    @Test("each way the text went is named, and a failed tmux buffer is an error that says OSC 52 was still sent")
    func wording() {
        #expect(
            Self.notice(.copied(.terminal))
                == "sent to the terminal as OSC 52; its clipboard has it if the terminal allows")
        #expect(
            Self.notice(.copied(.tmuxClipboard)) == "sent as OSC 52; tmux keeps it as a paste buffer (prefix ] pastes)")
        #expect(Self.notice(.copied(.tmuxBuffer)) == "sent as OSC 52 and put in tmux's paste buffer (prefix ] pastes)")
        #expect(
            Self.notice(.copied(.tmuxBufferFailed(reason: "no server running")))
                == "ERROR sent as OSC 52, which tmux does not keep; tmux load-buffer failed: no server running")
        #expect(Self.notice(.copyFailed(reason: "too long")) == "ERROR copy failed: too long")
    }

    @Test("no notice claims the command is on the clipboard")
    func noPromise() {
        for delivery in [ClipboardDelivery.terminal, .tmuxClipboard, .tmuxBuffer, .tmuxBufferFailed(reason: "x")] {
            #expect(Self.notice(.copied(delivery))?.contains("copied to the clipboard") == false)
        }
    }
}
