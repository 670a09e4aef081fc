package io.certrotator.edgeone;

import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.provider.CvmRoleCredential;
import org.apache.commons.configuration2.INIConfiguration;
import org.apache.commons.configuration2.SubnodeConfiguration;
import org.apache.commons.configuration2.ex.ConfigurationException;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Finds the credential that signs the calls, in the Tencent Cloud SDK's order: the environment, the profile
 * file, the CVM role. Unlike the SDK's own providers it reads {@code TENCENTCLOUD_SESSION_TOKEN} and can pick
 * a profile other than {@code [default]}. A profile named on the command line is the only source tried.
 */
public final class CredentialChain {

    public static final String DEFAULT_PROFILE = "default";

    private final Map<String, String> environment;
    private final List<Path> profileFiles;
    private final Supplier<Optional<Credential>> cvmRole;

    CredentialChain(Map<String, String> environment, List<Path> profileFiles, Supplier<Optional<Credential>> cvmRole) {
        this.environment = environment;
        this.profileFiles = profileFiles;
        this.cvmRole = cvmRole;
    }

    /** This machine's sources: the process environment, the usual profile files, the CVM metadata server. */
    public static CredentialChain standard() {
        return standard(System.getenv());
    }

    /** As {@link #standard()}, with {@code environment} in place of the process environment. */
    public static CredentialChain standard(Map<String, String> environment) {
        return new CredentialChain(environment, List.of(
                Path.of(System.getProperty("user.home"), ".tencentcloud", "credentials"),
                Path.of("/etc/tencentcloud/credentials")), CredentialChain::cvmRole);
    }

    /**
     * @param profile a profile named by the operator, or null for the whole chain
     * @throws IllegalStateException when no source has a credential; the message names the sources, never a secret
     */
    public Credential resolve(String profile) {
        if (profile != null) {
            return fromProfile(profile).orElseThrow(() -> new IllegalStateException("no profile [" + profile
                    + "] with secret_id and secret_key in " + profileFiles));
        }
        return fromEnvironment()
                .or(() -> fromProfile(DEFAULT_PROFILE))
                .or(cvmRole)
                .orElseThrow(() -> new IllegalStateException("no Tencent Cloud credentials: set "
                        + "TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY, or write ~/.tencentcloud/credentials, "
                        + "or run on a CVM with a role"));
    }

    /** The environment or the profile file only: for what may go without credentials, never the metadata server. */
    public Optional<Credential> resolveWithoutRole(String profile) {
        return profile != null ? fromProfile(profile) : fromEnvironment().or(() -> fromProfile(DEFAULT_PROFILE));
    }

    private Optional<Credential> fromEnvironment() {
        return credential(environment.get("TENCENTCLOUD_SECRET_ID"), environment.get("TENCENTCLOUD_SECRET_KEY"),
                environment.get("TENCENTCLOUD_SESSION_TOKEN"));
    }

    private Optional<Credential> fromProfile(String profile) {
        Optional<Path> file = profileFiles.stream().filter(Files::isReadable).findFirst();
        if (file.isEmpty()) {
            return Optional.empty();
        }
        INIConfiguration ini = new INIConfiguration();
        try (Reader reader = Files.newBufferedReader(file.get())) {
            ini.read(reader);
        } catch (IOException | ConfigurationException e) {
            throw new IllegalStateException("cannot read the credentials file " + file.get() + ": "
                    + unreadable(file.get(), e));
        }
        if (!ini.getSections().contains(profile)) {
            return Optional.empty();
        }
        SubnodeConfiguration section = ini.getSection(profile);
        return credential(section.getString("secret_id"), section.getString("secret_key"),
                section.getString("token"));
    }

    /** Why the file cannot be read, in words that say what to mend; never its content, which holds secrets. */
    private static String unreadable(Path file, Exception e) {
        if (Files.isDirectory(file)) {
            return "it is a folder, not a file";
        }
        if (e instanceof CharacterCodingException) {
            return "it is not UTF-8 text";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e instanceof ConfigurationException ? "it is not an INI file of [profile] sections"
                : e.getClass().getSimpleName();
    }

    private static Optional<Credential> credential(String secretId, String secretKey, String token) {
        if (secretId == null || secretId.isBlank() || secretKey == null || secretKey.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(token == null || token.isBlank() ? new Credential(secretId.trim(), secretKey.trim())
                : new Credential(secretId.trim(), secretKey.trim(), token.trim()));
    }

    /** The SDK's CVM role credential, which refreshes itself from the metadata server before it expires. */
    private static Optional<Credential> cvmRole() {
        CvmRoleCredential role = new CvmRoleCredential();
        return role.getSecretId() != null && role.getSecretKey() != null && role.getToken() != null
                ? Optional.of(role) : Optional.empty();
    }
}
