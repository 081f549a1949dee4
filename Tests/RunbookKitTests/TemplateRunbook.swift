/// A runbook in the template's shape, for tests that change one part of it.
let templateRunbook = """
    # Runbook: Disk Full

    ## Symptoms

    - Writes fail with `No space left on device`

    ## Impact

    - **Severity**: P2
    - **Affected Users**: uploads
    - **Business Impact**: sellers cannot add photos

    ## Detection

    - **Alert**: DiskAlmostFull

    ## Diagnosis

    ### Step 1: Find the full volume

    ```bash
    df -h
    ```

    ### Step 2: Find big files

    ```bash
    du -sh /var/log/* | sort -h | tail
    ```

    ## Resolution

    ### Immediate Actions

    1. Rotate logs

    ### Root Cause Fix

    1. Add log retention

    ## Verification

    - [ ] Free space above 20%
    - [ ] Uploads succeed

    ## Prevention

    - Alert at 70%

    ## Escalation

    - **L1 Support**：#ops-support
    - **On-Call Engineer**: [PagerDuty](https://example.pagerduty.com/schedules/SRE)

    ## Related

    - [High CPU Usage](high-cpu-usage.md)
    - Storage design doc

    ---

    **Last Updated**：2026-11-01
    **Owner**：Storage Team
    **Review Cycle**：Monthly

    """
