import TestSupport

/// Shell blocks that try to break a checker that parses many blocks in one shell: each escape hazard of the
/// function-body check (a `}` or `)` that could close a wrapper, heredocs, `exit`, aliases, `extglob`), ordinary
/// syntax errors, warnings, carriage returns and binary junk. Blocks that would run a command if a checker let them
/// escape touch `marker`, which must never appear.
enum HostileShellBlocks {
    static func blocks(marker: String) -> [String] {
        let touch = "touch '\(marker)'"
        var blocks = [
            // Closing a wrapper's brace or parenthesis, then running something.
            "echo a; }\n\(touch)\n{ echo b\n",
            "}\n\(touch)\n",
            "echo a\n}\n\(touch)\nf() {\necho b\n",
            "echo a; }; \(touch); { :\n",
            "echo a;}\n\(touch)\n{ :\n",
            ")\n\(touch)\n(\n",
            "echo a)\n\(touch)\n(echo b\n",
            "esac\n\(touch)\n",
            "fi; done; }; \(touch)\n",
            "echo $(echo }\n\(touch)\n{ :\n)\n",
            "echo '}'; }\n\(touch)\n{ :\n",
            "echo a |}\n\(touch)\n",
            "echo a &}\n\(touch)\n",
            "cat <}\n\(touch)\n",
            "echo a \\\n}\n\(touch)\n{ :\n",
            // Ordinary blocks the fast path proves, and braces that are only words.
            "kubectl -n shop get pods -o wide | grep -v Running\n",
            "echo ${HOME} ${HOME:-/root} \"${HOME}\"}\n",
            "find /var/log -name '*.gz' -exec ls -l {} \\;\n",
            "curl -s 'http://prom:9090/api/v1/query' --data-urlencode 'query=up{job=\"api\"}'\n",
            "echo }\necho a }\n",
            "{ echo grouped; }\n",
            "f() { echo in f; }\nf\n",
            "function g {\n  echo in g\n}\ng\n",
            "if true; then\n  echo yes\nfi\n",
            "for x in a b; do echo \"$x\"; done\n",
            "case \"$1\" in\n  a) echo a ;;\n  *) echo other ;;\nesac\n",
            "while read -r line; do echo \"$line\"; done < /etc/hostname\n",
            "(( x = 1 + 2 ))\necho $(( x * 2 ))\n",
            "[[ -n $HOME && $HOME == /* ]] && echo home\n",
            "! true\ntime sleep 0\ncoproc cat\n",
            "select x in a b; do break; done\n",
            "echo $'it\\'s'\necho \"a\\\"b\"\n",
            "#!/bin/bash\nset -euo pipefail\n# only comments after this\n",
            "",
            "\n\n",
            "# nothing but a comment\n",
            "exit 0\n",
            "exit 1\n\(touch)\n",
            "return 3\n",
            "alias ll='ls -l'\nll\n",
            "alias if=echo\nif x\n",
            "echo 日本語 ｝ ）\n",
            "x=1 y=2 env | head\n",
            // Syntax errors.
            "if true; then\n  echo missing fi\n",
            "echo (\n",
            "echo 'unclosed\n",
            "echo \"unclosed\n",
            "echo `date\n",
            "x=$(date\n",
            "echo ${HOME\n",
            "for x in a b; do echo $x\n",
            "done\n",
            "case $x in a) echo\n",
            "echo a &&\n",
            "echo a |\n",
            "(( x\n",
            "[[ -n\n",
            "if true; then\n{\n}\nfi\n",
            "f() {\n}\n",
            "echo ok\nthen\necho after\n",
            "echo ok\n\n\n\nfi\n",
            // Heredocs: unterminated (a warning, still valid), delimited by a brace, quoted, indented.
            "cat <<EOF\nno terminator\n",
            "cat <<EOF\n$(\(touch))\n",
            "cat <<'}'\nbody\n}\n",
            "cat <<}\nbody\n}\necho after\n",
            "cat <<'EOF'\n}\n\(touch)\nEOF\n",
            "cat <<-EOF\n\tindented\n\tEOF\necho after\n",
            "cat <<EOF; echo (\nbody\nEOF\n",
            "cat <<EOF\nbody\nEOF\nif\n",
            // extglob: off when bash parses, whatever the block turns on.
            "shopt -s extglob\nls !(foo)\n",
            "ls @(a|b)\n",
            "[[ $x == @(a|b) ]] && echo match\n",
            // Continuation lines and a last line that ends in a backslash.
            "psql -c \"SELECT 1\" \\\n  -d orders\n",
            "echo a; \\\n",
            "echo a; \\",
            "echo a \\\n",
            "if true; then \\\n",
            // Carriage returns.
            "echo a\r\nif true; then\r\n  echo b\r\nfi\r\n",
            "echo a\r\n",
            "{ echo a; }\r\n",
            "f() {\r\n echo\r\n}\r\n",
        ]
        blocks.append(String(repeating: "(", count: 200) + "echo deep" + String(repeating: ")", count: 200) + "\n")
        blocks.append("echo " + String(repeating: "x", count: 20_000) + "\n")
        // Binary junk without NUL: every other byte, decoded as a runbook's text is.
        var random = SeededRandom(seed: 20)
        for _ in 0..<12 {
            let bytes = (0..<random.int(1..<300)).map { _ in UInt8(random.int(1..<256)) }
            blocks.append(String(decoding: bytes, as: UTF8.self))
        }
        return blocks
    }
}
