package io.certrotator.cli;

import io.certrotator.edgeone.ApiSite;
import io.certrotator.edgeone.EdgeOneEndpoint;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Where a command's API calls go and who signs them: {@code --site=cn|intl} or {@code --endpoint=URL} (not both), and
 * {@code --profile=NAME}. A mixin, so that every command that reads or writes through the API takes the same options.
 */
final class ApiAccessOptions {

    static final String SITE_OR_ENDPOINT = "--site and --endpoint exclude each other";

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    private ApiSite site;
    private EdgeOneEndpoint endpoint;

    @Option(names = "--profile", order = 42, paramLabel = "NAME",
            description = {"sign with profile [NAME] of ~/.tencentcloud/credentials only",
                    "  Default: the credential chain (environment, profile [default], CVM role)"})
    private String profile;

    @Option(names = "--site", order = 40, paramLabel = "cn|intl",
            description = {"Tencent Cloud's China site (teo/ssl.tencentcloudapi.com) or the international one"
                    + " (teo/ssl.intl.tencentcloudapi.com)", "  Default: cn"})
    private void site(String name) {
        try {
            site = ApiSite.parse(name);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), e.getMessage());
        }
    }

    @Option(names = "--endpoint", order = 41, paramLabel = "URL",
            description = {"where API calls go instead of the site's; http:// only to a loopback address (a local"
                    + " simulator)", "  Default: the site's"})
    private void endpoint(String url) {
        try {
            endpoint = EdgeOneEndpoint.parse(url);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), e.getMessage());
        }
    }

    /** @throws ParameterException when both --site and --endpoint are given */
    ApiTarget target() {
        if (site != null && endpoint != null) {
            throw new ParameterException(command.commandLine(), SITE_OR_ENDPOINT);
        }
        return new ApiTarget(endpoint != null ? endpoint : (site != null ? site : ApiSite.CN).endpoint(), profile);
    }

    /**
     * Where the calls go, and the credentials file's profile to sign with.
     *
     * @param profile the profile, or null for the credential chain
     */
    record ApiTarget(EdgeOneEndpoint endpoint, String profile) {
    }
}
