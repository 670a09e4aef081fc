package io.certrotator.edgeone;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule of {@link HostConfig#wouldDrop}: a target may not take a key type off a host unless it can replace it. */
class WouldDropTest {

    private static final HostConfig PAIR = new HostConfig("sslcert", List.of(
            new HostConfig.Cert("cert-rsa", "deployed", "RSA 2048"), new HostConfig.Cert("cert-ecc", "deployed", "ECC 256")));
    private static final HostConfig RSA_ONLY = new HostConfig("sslcert", List.of(
            new HostConfig.Cert("cert-rsa", "deployed", "RSA 2048")));

    @Test
    void oneNewCertificateForAnRsaAndEccHostWouldDropOneOfThem() {
        assertThat(PAIR.wouldDrop("sslcert", List.of("cert-rsa-new"))).hasValueSatisfying(dropped -> {
            assertThat(dropped.certs()).extracting(HostConfig.Cert::certId).containsExactly("cert-rsa", "cert-ecc");
            assertThat(dropped.message()).isEqualTo("would drop RSA certificate cert-rsa or ECC certificate cert-ecc:"
                    + " 1 new certificate(s) cannot replace 2 key types"
                    + " (keep them in cert_ids, or --allow-dropping-certificates)");
        });
    }

    @Test
    void keepingOnlyTheRsaCertificateWouldDropTheEccOne() {
        assertThat(PAIR.wouldDrop("sslcert", List.of("cert-rsa"))).map(HostConfig.Dropped::message).contains(
                "would drop ECC certificate cert-ecc (keep it in cert_ids, or --allow-dropping-certificates)");
    }

    @Test
    void aPlainSwapAPairForAPairOrOneNewBesideTheKeptOneDropsNothing() {
        assertThat(RSA_ONLY.wouldDrop("sslcert", List.of("cert-rsa-new"))).isEmpty();
        assertThat(PAIR.wouldDrop("sslcert", List.of("cert-rsa-new", "cert-ecc-new"))).isEmpty();
        assertThat(PAIR.wouldDrop("sslcert", List.of("cert-ecc", "cert-rsa-new"))).isEmpty();
        assertThat(PAIR.wouldDrop("sslcert", List.of("cert-ecc", "cert-rsa"))).isEmpty();
        assertThat(RSA_ONLY.wouldDrop("sslcert", List.of("cert-rsa", "cert-ecc-new"))).isEmpty();
    }

    @Test
    void twoCertificatesOfOneKeyTypeAreOneKeyType() {
        HostConfig twoRsa = new HostConfig("sslcert", List.of(new HostConfig.Cert("cert-a", "deployed", "RSA 2048"),
                new HostConfig.Cert("cert-b", "deployed", "RSA 4096")));
        assertThat(twoRsa.wouldDrop("sslcert", List.of("cert-new"))).isEmpty();
        assertThat(twoRsa.wouldDrop("sslcert", List.of("cert-a"))).isEmpty();
    }

    @Test
    void aCertificateOfUnknownKeyTypeAndAModeChangeAreNotJudged() {
        HostConfig unknown = new HostConfig("sslcert", List.of(new HostConfig.Cert("cert-sm2", "deployed", "SM2"),
                new HostConfig.Cert("cert-x", "deployed", "")));
        assertThat(unknown.wouldDrop("sslcert", List.of())).isEmpty();
        assertThat(PAIR.wouldDrop("eofreecert", List.of())).isEmpty();
        assertThat(new HostConfig("eofreecert", List.of()).wouldDrop("sslcert", List.of("cert-new"))).isEmpty();
    }

    @Test
    void aPageCarriesEachCertificatesSignAlgo() {
        DomainPage page = DomainPage.of(JsonMapper.builder().build().readTree("""
                {"TotalCount": 1, "AccelerationDomains": [
                  {"DomainName": "a.example.com", "Certificate": {"Mode": "sslcert", "List": [
                    {"CertId": "cert-rsa", "Status": "deployed", "SignAlgo": "RSA 2048"},
                    {"CertId": "cert-ecc", "Status": "deployed", "SignAlgo": "ECC 256"}]}}]}"""));

        assertThat(page.hosts().get("a.example.com")).isEqualTo(PAIR);
        assertThat(PAIR.certIdsText()).isEqualTo("cert-rsa;cert-ecc");
    }
}
