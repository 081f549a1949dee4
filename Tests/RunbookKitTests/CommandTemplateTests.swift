import Foundation
import TestSupport
import Testing

@testable import RunbookKit

/// Placeholders in runbook commands: what counts as one, and how values are put in.
@Suite("Command templates")
struct CommandTemplateTests {
    private func tokens(_ code: String) -> [String] {
        CommandTemplate(code: code).placeholders.map(\.token)
    }

    @Test("finds each placeholder form once, in order of first appearance")
    func formsInOrder() {
        let template = CommandTemplate(
            code: """
                kubectl logs -n ${NAMESPACE} <pod-name> --since=$WINDOW
                curl https://{{ host }}/health && curl https://{{host}}/ready
                kubectl describe pod <pod-name> -n ${NAMESPACE}
                """)
        #expect(
            template.placeholders == [
                Placeholder(name: "NAMESPACE", form: .bracedVariable, token: "${NAMESPACE}"),
                Placeholder(name: "pod-name", form: .angle, token: "<pod-name>"),
                Placeholder(name: "WINDOW", form: .variable, token: "$WINDOW"),
                Placeholder(name: "host", form: .moustache, token: "{{ host }}"),
            ])
    }

    @Test("a ${NAME:-default} placeholder carries its default")
    func braceDefault() throws {
        let placeholder = try #require(
            CommandTemplate(code: "kubectl get pods -n ${NAMESPACE:-production}\n").placeholders.first)
        #expect(placeholder.name == "NAMESPACE")
        #expect(placeholder.defaultValue == "production")
        #expect(placeholder.token == "${NAMESPACE:-production}")
    }

    @Test(
        "shell syntax that looks like a placeholder is not one",
        arguments: [
            "cat <<EOF\nhello\nEOF",
            "sort < file.txt",
            "kubectl get pods 2>&1 | head",
            "diff <(sort a.csv) <(sort b.csv)",
            "for i in 1 2 3; do echo $i $1 $? $#; done",
            "echo $(date -u) ${x:-fallback} ${#ARRAY} ${NAME%.txt}",
            "awk '{print $NF, $1}' access.log",
            "jq -r --arg x 1 '.items[] | select(.id == $x) | $ENV.HOME'",
            "kubectl get pods -o go-template='{{range .items}}{{.Status.Phase}}{{end}}'",
            "kubectl get pods -o go-template=\"{{ .Status }}\"",
            "echo \"$(awk '{print $NF}' file)\"",
            "echo '$SERVICE is not expanded in single quotes'",
            "echo \\$ESCAPED",
            "POD=$(kubectl get pods -o name | head -1); kubectl logs $POD",
            "for NODE in a b; do kubectl cordon $NODE; done",
            "read -r ZONE; echo $ZONE",
            "export TARGET=prod; echo ${TARGET}",
            "ls $HOME $PATH $PWD",
            "# replace <pod-name> and $SERVICE below\nkubectl get pods",
            "echo $Mixed",
        ])
    func notPlaceholders(code: String) {
        #expect(tokens(code).isEmpty)
    }

    @Test("here-document bodies: variables only when the delimiter is unquoted, angles always")
    func heredocs() {
        #expect(
            tokens("psql <<EOF\nSELECT * FROM orders WHERE id = '<order-id>' LIMIT $LIMIT;\nEOF\n")
                == ["<order-id>", "$LIMIT"])
        #expect(tokens("psql <<'EOF'\nSELECT '<order-id>', $LIMIT;\nEOF\n") == ["<order-id>"])
        #expect(tokens("cat <<-EOF\n\tdon't stop\n\tEOF\necho $SERVICE\n") == ["$SERVICE"])
    }

    @Test("placeholders inside quotes are found where the shell or the program would see them")
    func insideQuotes() {
        #expect(
            tokens("psql -c \"SELECT * FROM t WHERE id = '<order-id>' AND region = '$REGION'\"")
                == ["<order-id>", "$REGION"])
        #expect(tokens("redis-cli UNLINK '<key-name>'") == ["<key-name>"])
    }

    @Test("filling puts plain values in exactly as typed")
    func fillPlain() {
        let template = CommandTemplate(code: "kubectl logs -n ${NAMESPACE} <pod-name> --tail=100\n")
        let filled = template.filling(with: ["NAMESPACE": "production", "pod-name": "api-7f9c-x2"])
        #expect(filled.commandLine == "kubectl logs -n production api-7f9c-x2 --tail=100")
        #expect(filled.quoted.isEmpty)
        #expect(filled.unfilled.isEmpty)
        #expect(template.filled(with: ["NAMESPACE": "production", "pod-name": "api-7f9c-x2"]) == filled.commandLine)
    }

    @Test("a value with spaces or metacharacters is quoted for where it lands, and the fill says so")
    func fillQuoted() {
        let unquoted = CommandTemplate(code: "grep <pattern> app.log").filling(with: ["pattern": "time out; rm x"])
        #expect(unquoted.commandLine == "grep 'time out; rm x' app.log")
        #expect(unquoted.quoted == ["pattern"])

        let apostrophe = CommandTemplate(code: "echo <note>").filled(with: ["note": "it's"])
        #expect(apostrophe == "echo 'it'\\''s'")

        let double = CommandTemplate(code: "echo \"svc=$SERVICE\"").filling(with: ["SERVICE": "a\"b $(id)`x`\\"])
        #expect(double.commandLine == "echo \"svc=a\\\"b \\$(id)\\`x\\`\\\\\"")
        #expect(double.quoted == ["SERVICE"])

        let single = CommandTemplate(code: "redis-cli GET '<key-name>'").filled(with: ["key-name": "user's:1"])
        #expect(single == "redis-cli GET 'user'\\''s:1'")

        #expect(CommandTemplate(code: "echo <empty>").filled(with: ["empty": ""]) == "echo ''")
    }

    @Test(
        "values that are one shell word reach the shell as that word",
        arguments: [
            "plain", "two words", "semi;colon", "quote's", "dollar $HOME", "back`tick`", "glob*?", "中文 值",
        ])
    func fillRoundTrip(value: String) throws {
        let command = CommandTemplate(code: "printf '%s|' <value> \"$VALUE\" '{{ value }}'")
            .filled(with: ["value": value, "VALUE": value])
        let result = try runProcess("/bin/sh", ["-c", command])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "\(value)|\(value)|\(value)|")
    }

    @Test("braced defaults are replaced whole; placeholders without a value stay as written")
    func fillDefaultsAndGaps() {
        let template = CommandTemplate(code: "kubectl get pods -n ${NAMESPACE:-production} -l app=<service-name>")
        #expect(template.filled(with: ["NAMESPACE": "staging"]) == "kubectl get pods -n staging -l app=<service-name>")
        #expect(template.filling(with: [:]).unfilled == ["NAMESPACE", "service-name"])
    }

    @Test("comments are left as written when filling")
    func fillLeavesComments() {
        let template = CommandTemplate(code: "# check <pod-name> first\nkubectl logs <pod-name>\n")
        #expect(template.filled(with: ["pod-name": "api-1"]) == "# check <pod-name> first\nkubectl logs api-1")
    }

    @Test("a block with a `# respond: no-run` line is not runnable")
    func noRun() {
        #expect(CommandTemplate(code: "kubectl get pods\n").isRunnable)
        #expect(!CommandTemplate(code: "# respond: no-run\nkubectl delete ns prod\n").isRunnable)
        #expect(!CommandTemplate(code: "kubectl get pods\n   # Respond: no-run  \n").isRunnable)
    }

    @Test("a block is a script when its fence says `script` or its first line is `# respond: script`")
    func script() {
        #expect(CommandTemplate(code: "set -x\necho a\n", info: "bash script").isScript)
        #expect(CommandTemplate(code: "\n# respond: script\necho a\n", info: "bash").isScript)
        #expect(!CommandTemplate(code: "echo a\n", info: "bash").isScript)
        #expect(!CommandTemplate(code: "echo a\n# respond: script\n", info: "script").isScript)
    }

    @Test("the parser keeps the whole info string, so `bash script` fences are scripts")
    func parsedInfoString() throws {
        let text = """
            # Runbook: Demo

            ## Diagnosis

            ### Step 1: Look

            ```bash script
            echo one
            ```

            """
        let runbook = try #require(RunbookParser.parse(text: text, path: "demo.md").runbook)
        let block = try #require(runbook.steps.first?.codeBlocks.first)
        #expect(block.language == "bash")
        #expect(block.info == "bash script")
        #expect(CommandTemplate(block).isScript)
    }
}
