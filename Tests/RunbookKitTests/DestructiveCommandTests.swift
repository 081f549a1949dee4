import Foundation
import Testing

@testable import RunbookKit

/// Which commands count as destructive, and when they need `yes` typed out.
@Suite("Destructive commands")
struct DestructiveCommandTests {
    @Test(
        "destructive commands are recognised, with the pattern that matched",
        arguments: [
            ("kubectl delete pod api-1 -n production", "kubectl-delete"),
            ("kubectl -n production delete deployment/api", "kubectl-delete"),
            ("kubectl drain node-1 --ignore-daemonsets", "kubectl-drain"),
            ("kubectl scale deployment/api --replicas=0 -n prod", "kubectl-scale-to-zero"),
            ("kubectl scale deploy api --replicas 0", "kubectl-scale-to-zero"),
            ("psql -c 'DROP TABLE orders;'", "sql-drop"),
            ("psql -c 'drop database shop'", "sql-drop"),
            ("psql -c \"Drop Schema audit cascade\"", "sql-drop"),
            ("psql -c 'TRUNCATE orders'", "sql-truncate"),
            ("truncate -s 0 /var/log/app.log", "sql-truncate"),
            ("psql -c 'DELETE FROM orders;'", "sql-delete-without-where"),
            ("mysql -e \"delete from sessions\"", "sql-delete-without-where"),
            ("rm -rf /var/lib/app", "rm-recursive"),
            ("rm -fr build", "rm-recursive"),
            ("rm -v -r old", "rm-recursive"),
            ("sudo rm --recursive --force /data", "rm-recursive"),
            ("aws ec2 terminate-instances --instance-ids i-123", "aws-terminate-instances"),
            ("aws --region us-east-1 rds delete-db-instance --db-instance-identifier x", "aws-rds-delete"),
            ("aws rds delete-db-cluster-snapshot --db-cluster-snapshot-identifier s", "aws-rds-delete"),
            ("aws rds failover-db-cluster --db-cluster-identifier orders", "aws-rds-failover"),
            ("aws rds reboot-db-instance --db-instance-identifier orders-1", "aws-rds-failover"),
            ("redis-cli -h cache FLUSHALL", "redis-flush"),
            ("redis-cli flushdb async", "redis-flush"),
            ("helm uninstall api -n prod", "helm-uninstall"),
            ("helm -n prod delete api", "helm-uninstall"),
            ("terraform destroy -auto-approve", "terraform-destroy"),
            ("terraform apply -destroy", "terraform-destroy"),
            ("aws s3 rm s3://bucket/prefix --recursive", "aws-s3-recursive-delete"),
            ("dd if=/dev/zero of=/dev/sda bs=1M", "dd-device"),
            ("mkfs.ext4 /dev/xvdf", "mkfs"),
            ("psql -c 'SELECT pg_terminate_backend(4242);'", "pg-terminate-backend"),
            ("kubectl get pods && \\\n  kubectl delete pod api-1", "kubectl-delete"),
            ("psql <<EOF\nDROP TABLE restore_orders;\nEOF", "sql-drop"),
        ])
    func positives(command: String, pattern: String) throws {
        let match = try #require(DestructiveCommand.match(in: command))
        #expect(match.pattern == pattern)
        #expect(!match.reason.isEmpty)
    }

    @Test(
        "harmless commands are not flagged",
        arguments: [
            "kubectl get deletions",
            "kubectl get pods -l app=delete-worker",
            "kubectl rollout undo deployment/api",
            "kubectl scale deployment/api --replicas=10",
            "kubectl scale deployment/api --replicas=0${X}",
            "kubectl describe node drain-test-1",
            "helm uninstall-plugin-list",
            "kubectl scale deployment/api --replicas=05",
            "kubectl run debug --rm -it --image=busybox -- sh",
            "psql -c 'DELETE FROM sessions WHERE expires_at < now();'",
            "psql -c 'SELECT * FROM dropped_orders'",
            "psql -c 'SELECT pg_cancel_backend(4242);'",
            "# DROP TABLE orders;\nkubectl get pods",
            "kubectl get pods  # then kubectl delete pod x",
            "rm /tmp/one-file",
            "ls -rf",
            "aws ec2 describe-instances",
            "aws s3 ls s3://bucket --recursive",
            "helm list -A",
            "terraform plan",
            "echo the dd tool",
            "redis-cli UNLINK session:1",
        ])
    func negatives(command: String) {
        #expect(DestructiveCommand.matches(in: command).isEmpty)
    }

    @Test("every pattern's reason says what it does, in words")
    func reasons() throws {
        let match = try #require(DestructiveCommand.match(in: "kubectl delete ns staging"))
        #expect(match.reason == "kubectl delete removes resources")
        #expect(match.matchedText == "kubectl delete")
        #expect(Set(DestructiveCommand.patternNames).count == DestructiveCommand.patternNames.count)
    }

    @Test("typed confirmation is required for P0 and P1 only, and only when destructive")
    func typedConfirmation() {
        let destructive = "kubectl delete pod api-1"
        #expect(DestructiveCommand.requiresTypedConfirmation(destructive, severity: .p0))
        #expect(DestructiveCommand.requiresTypedConfirmation(destructive, severity: .p1))
        #expect(!DestructiveCommand.requiresTypedConfirmation(destructive, severity: .p2))
        #expect(!DestructiveCommand.requiresTypedConfirmation(destructive, severity: .p3))
        #expect(!DestructiveCommand.requiresTypedConfirmation("kubectl get pods", severity: .p0))
    }

    @Test(
        "in the shipped runbooks exactly the deleting, draining, zero-scaling, failover and session-killing commands are flagged"
    )
    func shippedLibrary() throws {
        let catalog = try Catalog.load(directory: TestPaths.shippedRunbooks)
        var flagged: [String] = []
        for runbook in catalog.mapRunbooks({ $0 }) {
            for step in runbook.steps {
                for block in step.codeBlocks {
                    for match in DestructiveCommand.matches(in: CommandTemplate(block).text) {
                        flagged.append("\(runbook.id) \(step.key) \(match.pattern)")
                    }
                }
            }
        }
        #expect(
            flagged.sorted() == [
                "backup-restore procedure-6 kubectl-scale-to-zero",
                "backup-restore rollback-3 aws-rds-delete",
                "backup-restore rollback-3 sql-drop",
                "data-inconsistency resolution-1 kubectl-scale-to-zero",
                "database-connection-issues resolution-1 aws-rds-failover",
                "database-connection-issues resolution-1 pg-terminate-backend",
                "high-cpu-usage resolution-1 kubectl-delete",
                "high-memory-usage resolution-1 kubectl-delete",
                "high-memory-usage resolution-1 kubectl-drain",
                "replication-lag resolution-1 pg-terminate-backend",
                "scaling-operations rollback-3 aws-rds-delete",
            ])
    }
}
