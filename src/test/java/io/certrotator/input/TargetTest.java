package io.certrotator.input;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TargetTest {

    @Test
    void theOrderAndRepetitionOfCertificateIdsDoNotMakeAnotherTarget() {
        Target target = new Target(CertMode.SSLCERT, List.of("cert-rsa1", "cert-ecc1", "cert-rsa1"));

        assertThat(target).isEqualTo(Target.of(CertMode.SSLCERT, Set.of("cert-ecc1", "cert-rsa1")))
                .hasSameHashCodeAs(new Target(CertMode.SSLCERT, List.of("cert-ecc1", "cert-rsa1")));
        assertThat(target.certIds()).containsExactly("cert-ecc1", "cert-rsa1");
    }

    @Test
    void anotherModeIsAnotherTarget() {
        assertThat(new Target(CertMode.EOFREECERT, List.of())).isNotEqualTo(new Target(CertMode.DISABLE, List.of()));
    }

    /** The results table's TARGET_KEY column holds this text: runs stored by earlier versions must read the same. */
    @Test
    void theTextIsTheModeThenTheSortedIdsAndReadsBackAsTheSameTarget() {
        Target dual = new Target(CertMode.SSLCERT, List.of("cert-rsa1", "cert-ecc1"));
        Target free = new Target(CertMode.EOFREECERT_MANUAL, List.of());

        assertThat(dual.text()).isEqualTo("sslcert|cert-ecc1;cert-rsa1");
        assertThat(free.text()).isEqualTo("eofreecert_manual|");
        assertThat(Target.parse(dual.text())).isEqualTo(dual);
        assertThat(Target.parse(free.text())).isEqualTo(free);
    }

    @Test
    void aTextThatIsNoTargetIsRefused() {
        assertThatThrownBy(() -> Target.parse("sslcertt|cert-1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a target: \"sslcertt|cert-1\"");
        assertThatThrownBy(() -> Target.parse("cert-1")).isInstanceOf(IllegalArgumentException.class);
    }
}
