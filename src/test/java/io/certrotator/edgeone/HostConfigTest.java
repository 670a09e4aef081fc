package io.certrotator.edgeone;

import io.certrotator.input.CertMode;
import io.certrotator.input.Target;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HostConfigTest {

    private static HostConfig sslcert(String... idAndStatus) {
        List<HostConfig.Cert> certs = new java.util.ArrayList<>();
        for (int i = 0; i < idAndStatus.length; i += 2) {
            certs.add(new HostConfig.Cert(idAndStatus[i], idAndStatus[i + 1]));
        }
        return new HostConfig("sslcert", certs);
    }

    @Test
    void theSameCertificatesAllDeployedInAnyOrderAreDone() {
        assertThat(sslcert("cert-b", "deployed", "cert-a", "deployed").towards("sslcert", List.of("cert-a", "cert-b")))
                .isEqualTo(HostConfig.Progress.DONE);
    }

    @Test
    void aCertificateStillProcessingIsUnderWayAndAFailedOneIsBroken() {
        assertThat(sslcert("cert-a", "processing").towards("sslcert", List.of("cert-a")))
                .isEqualTo(HostConfig.Progress.UNDER_WAY);
        assertThat(sslcert("cert-a", "failed").towards("sslcert", List.of("cert-a")))
                .isEqualTo(HostConfig.Progress.BROKEN);
        assertThat(sslcert("cert-a", "issued").towards("sslcert", List.of("cert-a")))
                .isEqualTo(HostConfig.Progress.BROKEN);
    }

    @Test
    void anotherModeOrAnotherSetOfCertificatesIsDifferent() {
        assertThat(sslcert("cert-a", "deployed").towards("sslcert", List.of("cert-a", "cert-b")))
                .isEqualTo(HostConfig.Progress.DIFFERENT);
        assertThat(sslcert("cert-a", "deployed").towards("eofreecert", List.of()))
                .isEqualTo(HostConfig.Progress.DIFFERENT);
        assertThat(new HostConfig("eofreecert", List.of(new HostConfig.Cert("teo-free-1", "deployed")))
                .towards("eofreecert", List.of())).isEqualTo(HostConfig.Progress.DONE);
    }

    @Test
    void theKeyIsWhatTheHostCarriesAsATargetAndNoneForAModeNotKnown() {
        assertThat(sslcert("cert-b", "deployed", "cert-a", "processing").key())
                .contains(new Target(CertMode.SSLCERT, List.of("cert-a", "cert-b")));
        assertThat(new HostConfig("sslcert_v2", List.of()).key()).isEmpty();
    }

    @Test
    void theKeyIgnoresOrderAndTheDescriptionNamesEveryStatus() {
        assertThat(sslcert("cert-b", "deployed", "cert-a", "deployed").key())
                .isEqualTo(sslcert("cert-a", "processing", "cert-b", "deployed").key());
        assertThat(sslcert("cert-a", "deployed", "cert-b", "processing").describe())
                .isEqualTo("sslcert cert-a (deployed), cert-b (processing)");
        assertThat(HostConfig.describeTarget("sslcert", List.of("cert-new"))).isEqualTo("sslcert cert-new");
    }

    @Test
    void aPageListsEachDomainWithItsCertificates() {
        DomainPage page = DomainPage.of(JsonMapper.builder().build().readTree("""
                {"TotalCount": 450, "AccelerationDomains": [
                  {"DomainName": "a.example.com", "Certificate": {"Mode": "sslcert",
                    "List": [{"CertId": "cert-a", "Status": "deployed"}]}},
                  {"DomainName": "b.example.com"}]}"""));

        assertThat(page.totalCount()).isEqualTo(450);
        assertThat(page.hosts().get("a.example.com")).isEqualTo(sslcert("cert-a", "deployed"));
        assertThat(page.hosts().get("b.example.com")).isEqualTo(new HostConfig("disable", List.of()));
    }

    @Test
    void aPageShowsEachDomainsState() {
        DomainPage page = DomainPage.of(JsonMapper.builder().build().readTree("""
                {"TotalCount": 2, "AccelerationDomains": [
                  {"DomainName": "a.example.com", "DomainStatus": "offline"},
                  {"DomainName": "b.example.com", "DomainStatus": "init"}]}"""));

        assertThat(page.hosts().get("a.example.com").state()).isEqualTo(HostState.OFFLINE);
        assertThat(page.hosts().get("b.example.com").state()).isEqualTo(HostState.INIT);
    }
}
