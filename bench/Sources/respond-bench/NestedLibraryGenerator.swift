import Foundation

/// A library in the alert-runbook convention as teams keep it: `<area>/<component>/<AlertName>.md` with YAML front
/// matter, Meaning / Impact / Diagnosis / Mitigation sections and console transcripts, an `_index.md` per folder,
/// and no index table. Deterministic for a seed.
enum NestedLibraryGenerator {
    private static let areas = [
        "platform", "data", "edge", "payments", "observability", "storage", "identity", "batch",
    ]
    private static let components = [
        "kube-apiserver", "kubelet", "etcd", "ingress", "postgres", "kafka", "redis", "prometheus", "alertmanager",
        "coredns", "cert-manager", "vault",
    ]
    private static let conditions = [
        "Down", "HighLatency", "ErrorBudgetBurn", "CrashLooping", "DiskFillingUp", "MemoryPressure", "TooManyRestarts",
        "CertificateExpiring", "ReplicationLag", "TargetMissing",
    ]

    /// Writes `count` runbooks under `directory`, spread over areas and components, two folder levels deep.
    static func write(directory: String, count: Int, seed: UInt64 = 2026) throws {
        var random = SeededRandom(seed: seed)
        var folders: Set<String> = []
        for index in 0..<count {
            let area = areas[index % areas.count]
            let component = components[(index / areas.count) % components.count]
            let folder = "\(directory)/\(area)/\(component)"
            if folders.insert(folder).inserted {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                try write(
                    "---\ntitle: \(component) (\(area))\nweight: \(folders.count)\n---\n", to: "\(folder)/_index.md")
            }
            let alert =
                component.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
                + random.pick(conditions) + String(index + 1)
            try write(runbook(alert: alert, component: component, random: &random), to: "\(folder)/\(alert).md")
        }
        for area in areas where FileManager.default.fileExists(atPath: "\(directory)/\(area)") {
            try write("---\ntitle: \(area.capitalized)\n---\n", to: "\(directory)/\(area)/_index.md")
        }
    }

    private static func runbook(alert: String, component: String, random: inout SeededRandom) -> String {
        """
        ---
        title: \(alert) fires
        summary: \(component) is not healthy in <namespace>.
        severity: \(random.pick(["critical", "warning", "info"]))
        ---

        # \(alert)

        ## Meaning

        The \(component) instances in `<namespace>` report an unhealthy state for more than ten minutes.

        ## Impact

        Requests that depend on \(component) fail or slow down.

        ## Diagnosis

        ### 1) Find the failing pods

        ```console
        $ kubectl get pods -n $NAMESPACE -l app=\(component)
        NAME                      READY   STATUS    RESTARTS   AGE
        \(component)-0            0/1     Running   4          31m
        ```

        ### 2) Read their logs

        ```console
        $ kubectl logs -n <namespace> <pod> --since=15m --tail=200
        ```

        ## Mitigation

        1. Restart the failing pod:

           ```shell
           kubectl delete pod -n <namespace> <pod>
           ```

        2. Scale out when the load is the cause:

           ```shell
           kubectl scale statefulset/\(component) -n <namespace> --replicas=5
           ```

        """
    }

    private static func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }
}
