package io.certrotator.edgeone;

import com.tencentcloudapi.common.Credential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CredentialChainTest {

    /** Tests never reach the CVM metadata server: the role is a stand-in. */
    static final Supplier<Optional<Credential>> NO_ROLE = Optional::empty;

    @TempDir
    Path dir;

    private Path profiles() throws IOException {
        return Files.writeString(dir.resolve("credentials"), """
                [default]
                secret_id = AKIDdefault
                secret_key = default-key

                [ops]
                secret_id = AKIDops
                secret_key = ops-key
                token = ops-token
                """);
    }

    @Test
    void theEnvironmentComesFirstWithItsSessionToken() throws IOException {
        var chain = new CredentialChain(Map.of("TENCENTCLOUD_SECRET_ID", "AKIDenv", "TENCENTCLOUD_SECRET_KEY", "env-key",
                "TENCENTCLOUD_SESSION_TOKEN", "env-token"), List.of(profiles()), NO_ROLE);

        Credential credential = chain.resolve(null);

        assertThat(credential.getSecretId()).isEqualTo("AKIDenv");
        assertThat(credential.getToken()).isEqualTo("env-token");
    }

    @Test
    void withoutTheEnvironmentTheDefaultProfileIsUsed() throws IOException {
        var chain = new CredentialChain(Map.of(), List.of(dir.resolve("absent"), profiles()), NO_ROLE);

        assertThat(chain.resolve(null).getSecretId()).isEqualTo("AKIDdefault");
    }

    @Test
    void aNamedProfileIsUsedEvenWhenTheEnvironmentHasCredentials() throws IOException {
        var chain = new CredentialChain(Map.of("TENCENTCLOUD_SECRET_ID", "AKIDenv", "TENCENTCLOUD_SECRET_KEY", "env-key"),
                List.of(profiles()), NO_ROLE);

        Credential credential = chain.resolve("ops");

        assertThat(credential.getSecretId()).isEqualTo("AKIDops");
        assertThat(credential.getSecretKey()).isEqualTo("ops-key");
        assertThat(credential.getToken()).isEqualTo("ops-token");
    }

    @Test
    void aMissingNamedProfileIsAnErrorNamingTheFileAndNoSecret() throws IOException {
        var chain = new CredentialChain(Map.of(), List.of(profiles()), () -> {
            throw new AssertionError("a named profile must not fall through to the CVM role");
        });

        assertThatThrownBy(() -> chain.resolve("staging")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("[staging]").hasMessageContaining("credentials")
                .hasMessageNotContaining("ops-key").hasMessageNotContaining("default-key");
    }

    @Test
    void aCredentialsFileThatIsNotTextIsAnErrorSayingSo() throws IOException {
        Path binary = Files.write(dir.resolve("binary-credentials"), new byte[]{'[', 'a', ']', '\n', (byte) 0xff});
        var chain = new CredentialChain(Map.of(), List.of(binary), NO_ROLE);

        assertThatThrownBy(() -> chain.resolve("a")).isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot read the credentials file " + binary + ": it is not UTF-8 text");
    }

    @Test
    void aFolderWhereTheCredentialsFileShouldBeIsAnErrorSayingSo() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("folder-credentials"));
        var chain = new CredentialChain(Map.of(), List.of(folder), NO_ROLE);

        assertThatThrownBy(() -> chain.resolve("a")).isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot read the credentials file " + folder + ": it is a folder, not a file");
    }

    @Test
    void theCvmRoleIsTheLastResort() {
        Credential role = new Credential("AKIDrole", "role-key", "role-token");
        var chain = new CredentialChain(Map.of("TENCENTCLOUD_SECRET_ID", ""), List.of(dir.resolve("absent")),
                () -> Optional.of(role));

        assertThat(chain.resolve(null)).isSameAs(role);
    }

    @Test
    void noSourceAtAllIsAnErrorListingWhereToPutOne() {
        var chain = new CredentialChain(Map.of(), List.of(dir.resolve("absent")), NO_ROLE);

        assertThatThrownBy(() -> chain.resolve(null)).hasMessageContaining("TENCENTCLOUD_SECRET_ID")
                .hasMessageContaining("~/.tencentcloud/credentials");
    }
}
