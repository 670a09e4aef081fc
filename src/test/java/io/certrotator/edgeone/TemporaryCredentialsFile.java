package io.certrotator.edgeone;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * A user home of each test's own, whose Tencent Cloud credentials file ({@code ~/.tencentcloud/credentials}, where the
 * credential chain reads it) holds profile {@value #PROFILE} with temporary credentials, as a tool that renews them
 * writes it: {@link #expiring()} at first, {@link #renewed()} once the test calls {@link #renew()}.
 * <pre>{@code
 * @RegisterExtension
 * final TemporaryCredentialsFile credentials = new TemporaryCredentialsFile();
 * }</pre>
 */
public final class TemporaryCredentialsFile implements BeforeEachCallback, AfterEachCallback {

    public static final String PROFILE = "rotation";

    /** Temporary credentials: an ID, a key and a session token. */
    public record Temporary(String secretId, String secretKey, String token) {
    }

    private static final Temporary EXPIRING = new Temporary("AKIDtemporary1", "temporary-key-1", "session-token-1");
    private static final Temporary RENEWED = new Temporary("AKIDtemporary2", "temporary-key-2", "session-token-2");

    private final UserHome home = new UserHome();

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        home.beforeEach(context);
        write(EXPIRING);
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        home.afterEach(context);
    }

    /** The credentials the file holds at first, whose token the test lets expire. */
    public Temporary expiring() {
        return EXPIRING;
    }

    /** The credentials {@link #renew()} writes. */
    public Temporary renewed() {
        return RENEWED;
    }

    /** Writes the renewed credentials in place of the expiring ones. */
    public void renew() {
        write(RENEWED);
    }

    private void write(Temporary credentials) {
        try {
            Files.writeString(home.credentialsFile(), "[" + PROFILE + "]\nsecret_id = "
                    + credentials.secretId() + "\nsecret_key = " + credentials.secretKey() + "\ntoken = "
                    + credentials.token() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
