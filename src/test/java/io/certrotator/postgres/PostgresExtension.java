package io.certrotator.postgres;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.TestAbortedException;

import java.nio.file.Path;

/**
 * Gives tests a {@link PostgresServer}, one for the whole test run, stopped and deleted at its end. Without
 * PostgreSQL on the machine the tests are skipped, except under {@code CI=true}, where they fail: CI must
 * not pass without them.
 */
public final class PostgresExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PostgresExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        server(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PostgresServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return server(context);
    }

    private static PostgresServer server(ExtensionContext context) {
        Path binaries = PostgresServer.findBinaries().orElseThrow(PostgresExtension::notInstalled);
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(PostgresServer.class, key -> start(binaries), PostgresServer.class);
    }

    private static RuntimeException notInstalled() {
        String message = "PostgreSQL not found (no pg_ctl on PATH, nothing in /usr/lib/postgresql/*/bin): "
                + "install it (apt-get install postgresql) to run the PostgreSQL tests";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            return new ExtensionConfigurationException(message + "; CI=true, so this is a failure, not a skip");
        }
        return new TestAbortedException(message);
    }

    private static PostgresServer start(Path binaries) {
        try {
            return PostgresServer.start(binaries);
        } catch (Exception e) {
            throw new ExtensionConfigurationException("could not start PostgreSQL from " + binaries, e);
        }
    }
}
