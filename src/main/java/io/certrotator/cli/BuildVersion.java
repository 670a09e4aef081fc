package io.certrotator.cli;

import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** {@code --version}: the version Maven built, from the build-info.properties that spring-boot-maven-plugin writes. */
final class BuildVersion implements IVersionProvider {

    @Override
    public String[] getVersion() throws IOException {
        Properties build = new Properties();
        try (InputStream in = BuildVersion.class.getResourceAsStream("/META-INF/build-info.properties")) {
            if (in != null) {
                build.load(in);
            }
        }
        return new String[] {"cert-rotator " + build.getProperty("build.version", "(not built by Maven: version unknown)")};
    }
}
