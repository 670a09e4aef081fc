package io.certrotator.edgeone;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A user home of each test's own: {@code user.home} points at it during the test and back after, and it has the
 * folder of the Tencent Cloud credentials file the credential chain reads ({@link #credentialsFile()}), not the file.
 * <pre>{@code
 * @RegisterExtension
 * final UserHome userHome = new UserHome();
 * }</pre>
 */
public final class UserHome implements BeforeEachCallback, AfterEachCallback {

    private Path home;
    private String previous;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        home = Files.createTempDirectory("user-home");
        Files.createDirectories(home.resolve(".tencentcloud"));
        previous = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        System.setProperty("user.home", previous);
        FileSystemUtils.deleteRecursively(home);
    }

    /** {@code ~/.tencentcloud/credentials} of this home. */
    public Path credentialsFile() {
        return home.resolve(".tencentcloud/credentials");
    }
}
