package io.certrotator.cli;

import io.certrotator.plan.AppliedChange;
import io.certrotator.plan.Unplanned;
import io.certrotator.results.ResultRow;
import io.certrotator.results.RowStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class RunChangesTest {

    private static ResultRow row(String host, RowStatus status, String previousMode, String previousCertIds) {
        return row(host, status, null, previousMode, previousCertIds);
    }

    private static ResultRow row(String host, RowStatus status, String requestId, String previousMode,
                                 String previousCertIds) {
        return new ResultRow(1, "zone-a1", host, "sslcert", "cert-new;cert-ecc", status, null, null, requestId, 1,
                Instant.EPOCH, previousMode, previousCertIds);
    }

    @Test
    void aPendingRowWhoseCallWasAcceptedBeforeAStopIsAChangeToUndoLikeASucceededOne() {
        RunChanges run = new RunChanges();

        run.add(row("accepted.example.com", RowStatus.PENDING, "request-1", "sslcert", "cert-old;cert-ecc"));
        run.add(row("unsent.example.com", RowStatus.PENDING, null, "sslcert", "cert-old;cert-ecc"));

        assertThat(run.changes()).extracting(AppliedChange::host, AppliedChange::status).containsExactly(
                tuple("accepted.example.com", RowStatus.SUCCEEDED),
                tuple("unsent.example.com", RowStatus.PENDING));
    }

    @Test
    void aSucceededRowWithItsPreviousConfigurationIsAChangeToUndo() {
        RunChanges run = new RunChanges();

        run.add(row("a.example.com", RowStatus.SUCCEEDED, "sslcert", "cert-old;cert-ecc"));

        assertThat(run.changes()).containsExactly(new AppliedChange("zone-a1", "a.example.com", "sslcert",
                List.of("cert-old", "cert-ecc"), "sslcert", List.of("cert-new", "cert-ecc"), RowStatus.SUCCEEDED));
        assertThat(run.notRecorded()).isEmpty();
    }

    @Test
    void aSucceededRowWithoutARecordedPreviousConfigurationCannotBePutBack() {
        RunChanges run = new RunChanges();

        run.add(row("old.example.com", RowStatus.SUCCEEDED, null, null));

        assertThat(run.changes()).isEmpty();
        assertThat(run.notRecorded()).containsExactly(
                new Unplanned("zone-a1", "old.example.com", RunChanges.NOT_RECORDED));
    }

    @Test
    void aFreeCertificateBeforeTheRunIsPutBackWithoutCertificates() {
        RunChanges run = new RunChanges();

        run.add(row("free.example.com", RowStatus.SUCCEEDED, "eofreecert", ""));

        assertThat(run.changes().get(0).previousMode()).isEqualTo("eofreecert");
        assertThat(run.changes().get(0).previousCertIds()).isEmpty();
    }

    @Test
    void aHostOnSeveralRowsIsOneChange() {
        RunChanges run = new RunChanges();

        run.add(row("twice.example.com", RowStatus.SUCCEEDED, "sslcert", "cert-old;cert-ecc"));
        run.add(row("twice.example.com", RowStatus.SUCCEEDED, "sslcert", "cert-old;cert-ecc"));
        run.add(row("unrecorded.example.com", RowStatus.SUCCEEDED, null, null));
        run.add(row("unrecorded.example.com", RowStatus.SUCCEEDED, null, null));

        assertThat(run.changes()).extracting(AppliedChange::host).containsExactly("twice.example.com");
        assertThat(run.notRecorded()).extracting(Unplanned::host).containsExactly("unrecorded.example.com");
    }

    @Test
    void aFailedRowIsKeptForThePlannerWhichLeavesItOut() {
        RunChanges run = new RunChanges();

        run.add(row("failed.example.com", RowStatus.FAILED, null, null));

        assertThat(run.changes()).extracting(AppliedChange::status).containsExactly(RowStatus.FAILED);
        assertThat(run.notRecorded()).isEmpty();
    }
}
