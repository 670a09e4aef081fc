package io.certrotator.cli;

import com.tencentcloudapi.common.Credential;
import io.certrotator.certs.CertificateBundle;
import io.certrotator.edgeone.RetryPolicy;
import io.certrotator.edgeone.UploadedCertificate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code upload --cert=fullchain.pem --key=privkey.pem}: checks the files here first (nothing is sent for a file
 * that would be refused), then hands the chain and key to the SSL certificate service's UploadCertificate and prints
 * the certificate's ID. The key is read once, from the file, and leaves only in that request's body.
 */
@Command(name = "upload",
        description = {"Uploads a certificate and its private key to the SSL certificate service, where EdgeOne hosts"
                + " can use it. The files are checked first (the chain parses and links, the leaf is valid now with a"
                + " strong enough key, the key is the leaf's): a file that would be refused is one line and exit 2,"
                + " and nothing is sent. The same certificate uploaded again keeps its ID.", ""},
        footer = {"", "Exit codes: 0 uploaded (or already held), 1 no answer from the API after retries or credentials"
                + " refused (run it again), 2 bad option, file or missing credentials (nothing sent), 3 the SSL"
                + " service refused the certificate."})
public final class UploadCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--cert", order = 1, required = true, paramLabel = "FILE",
            description = "the certificate chain, PEM, leaf first (certbot's fullchain.pem; another order is put right)"
                    + " (required)")
    private Path certificateFile;

    @Option(names = "--key", order = 2, required = true, paramLabel = "FILE",
            description = "the certificate's private key, PEM (certbot's privkey.pem), not encrypted (required)")
    private Path keyFile;

    @Option(names = "--alias", order = 3, paramLabel = "NAME",
            description = {"the name the console shows for the certificate", "  Default: none"})
    private String alias;

    @Option(names = "--format", order = 4, paramLabel = "text|json", defaultValue = "text",
            description = "json: one object {certificateId, names, notAfter, keyAlgorithm, reused} on stdout")
    private UploadFormat format;

    @Mixin
    private ApiAccessOptions api;

    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;
    private final RetryPolicy retryPolicy;

    UploadCommand() {
        this(System.getenv(), System.out, System.err, Clock.systemUTC(), RetryPolicy.DEFAULT);
    }

    private UploadCommand(Map<String, String> env, PrintStream out, PrintStream err, Clock clock,
                          RetryPolicy retryPolicy) {
        this.env = env;
        this.out = out;
        this.err = err;
        this.clock = clock;
        this.retryPolicy = retryPolicy;
    }

    /** {@code args} are those after the word {@code upload}; credentials come from {@code env}. For tests. */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        return run(args, env, out, err, RetryPolicy.DEFAULT);
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err, RetryPolicy retries) {
        CommandLine commandLine = CertRotatorCommand.commandLine(GivenCommands.of(
                        new UploadCommand(env, out, err, Clock.systemUTC(), retries)))
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true));
        return CertRotatorCommand.execute(commandLine,
                Stream.concat(Stream.of("upload"), Arrays.stream(args)).toArray(String[]::new));
    }

    @Override
    public Integer call() {
        ApiAccessOptions.ApiTarget target = api.target();
        CertificateUpload upload = new CertificateUpload(env, err, clock, retryPolicy);
        CertificateBundle bundle = upload.load(certificateFile, keyFile);
        Credential credential = upload.credential(target.profile());
        // Nothing to close: the request is abandoned at once.
        ProcessSignals.PROCESS.endWith(signal -> "cert-rotator upload: stopped by " + signal + " while uploading: the"
                + " SSL service may hold the certificate; run the same command again (a certificate it holds keeps"
                + " its ID)");
        try {
            UploadedCertificate uploaded = upload.upload(target.endpoint(), credential, bundle, alias);
            out.println(UploadResult.of(uploaded, bundle).render(format));
            out.flush();
            return ExitCodes.SUCCEEDED;
        } catch (CommandFailure failure) {
            err.println("cert-rotator upload: " + failure.getMessage());
            err.flush();
            return failure.exitCode();
        }
    }
}
