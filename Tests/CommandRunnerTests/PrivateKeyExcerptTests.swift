import Foundation
import IncidentModel
import Testing

@testable import CommandRunner

/// A PEM private key of `lines` base64 lines, as `cat key.pem` prints it, and its key lines.
private func privateKey(lines: Int) -> (text: String, keyLines: [String]) {
    let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
    let keyLines = (0..<lines).map { line in
        String((0..<64).map { alphabet[($0 * 7 + line * 13) % alphabet.count] })
    }
    let text = (["-----BEGIN RSA PRIVATE KEY-----"] + keyLines + ["-----END RSA PRIVATE KEY-----"])
        .joined(separator: "\n")
    return (text, keyLines)
}

/// The excerpt the journal keeps of a command's output, when that output holds a private key.
@Suite("Private keys in a command's output excerpt")
struct PrivateKeyExcerptTests {
    @Test("a key printed in 7-byte pieces keeps its BEGIN and END markers and not one of its key lines")
    func keyInPieces() {
        let (key, keyLines) = privateKey(lines: 25)
        let output = "$ cat /etc/ssl/private/api.key\n" + key + "\ndone\n"
        var builder = OutputExcerptBuilder()
        var rest = Substring(output)
        while !rest.isEmpty {
            builder.append(String(rest.prefix(7)))
            rest = rest.dropFirst(7)
        }
        let excerpt = builder.excerpt(redact: Redactor.redact)
        for line in keyLines { #expect(!excerpt.contains(line)) }
        #expect(excerpt.contains("-----BEGIN RSA PRIVATE KEY-----[REDACTED]\n"))
        #expect(excerpt.contains("-----END RSA PRIVATE KEY-----\ndone"))
        #expect(excerpt.hasPrefix("$ cat /etc/ssl/private/api.key\n"))
    }

    @Test("a key longer than the head and tail together loses every line, its END in the tail after the omission")
    func keyAcrossHeadAndTail() {
        let (key, keyLines) = privateKey(lines: 60)
        var builder = OutputExcerptBuilder(
            limits: ExcerptLimits(headLines: 5, tailLines: 5, lineLength: 240, maximumBytes: 4096))
        builder.append(key + "\nok\n")
        let excerpt = builder.excerpt(redact: Redactor.redact)
        for line in keyLines { #expect(!excerpt.contains(line)) }
        #expect(
            excerpt
                == "-----BEGIN RSA PRIVATE KEY-----[REDACTED]\n… 60 lines omitted …\n-----END RSA PRIVATE KEY-----\nok")
    }
}
