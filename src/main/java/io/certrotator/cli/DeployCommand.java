package io.certrotator.cli;

import com.tencentcloudapi.common.Credential;
import io.certrotator.certs.CertificateBundle;
import io.certrotator.edgeone.CallPacer;
import io.certrotator.edgeone.RetryPolicy;
import io.certrotator.edgeone.UploadedCertificate;
import io.certrotator.plan.DeploySelection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * {@code deploy --cert=fullchain.pem --key=privkey.pem [--zone=ID ...] [--dry-run]}: checks the files as {@code upload}
 * does, reads the estate, uploads the certificate, plans it onto every host it should serve ({@link DeploySelection}), writes that plan under the
 * home, and rotates it as {@code rotate --input=PLAN} does. A dry run sends nothing: it plans with the certificate's
 * names, key family and end, and prints the plan.
 */
@Command(name = "deploy",
        description = {"Uploads a certificate (checked first, as upload does) and puts it on every host it should"
                + " serve: the hosts its names cover that serve, on sslcert, a certificate of its key family (RSA or"
                + " ECC) that expires before it. That certificate is swapped for the new one; the host's other"
                + " certificate (the ECC of an RSA/ECC pair) stays; hosts on EdgeOne's free certificates are left"
                + " alone. The plan is written to HOME/deploy/ID-HASH.csv and run as rotate --input=PLAN"
                + " (verified, resumable, reported beside the plan).", ""},
        footerHeading = SpringBootOptions.PROPERTIES_HEADING,
        footer = {SpringBootOptions.REPOSITORY, SpringBootOptions.DEPLOY_HOME,
                SpringBootOptions.PROGRESS_INTERVAL, SpringBootOptions.TUNING, SpringBootOptions.LOGGING, "",
                "Exit codes: 0 deployed (or nothing to deploy: no host due), 1 no answer from the API, the zones"
                        + " cannot be listed, or the rotation stopped (run the same command again), 2 bad option, file,"
                        + " unknown --zone or missing credentials (nothing sent), 3 the SSL service refused the"
                        + " certificate, some hosts failed (see the report), or a zone could not be read."})
public final class DeployCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(DeployCommand.class);

    /** The certificate ID a dry run plans with: the certificate is not uploaded. */
    static final String NOT_UPLOADED = "(not uploaded)";

    @Mixin
    private SpringBootOptions springBoot;

    @Option(names = "--cert", order = 0, required = true, paramLabel = "FILE",
            description = "the certificate chain, PEM, leaf first (certbot's fullchain.pem) (required)")
    private Path certificateFile;

    @Option(names = "--key", order = 0, required = true, paramLabel = "FILE",
            description = "the certificate's private key, PEM (certbot's privkey.pem), not encrypted (required)")
    private Path keyFile;

    @Option(names = "--alias", order = 0, paramLabel = "NAME",
            description = {"the name the console shows for the certificate", "  Default: none"})
    private String alias;

    @Option(names = "--dry-run", order = 0, description = {"send nothing: check the files, read the estate and print"
            + " the plan (CSV on standard output, the new certificate as " + NOT_UPLOADED + ")",
            CertRotatorCommand.FLAG_DEFAULT})
    private boolean dryRun;

    @Mixin
    private EstateOptions estate;

    @Mixin
    private ApiAccessOptions api;

    private final Map<String, String> env;
    private final RetryPolicy retryPolicy;
    private final PrintStream out = System.out;
    private final PrintStream err = System.err;

    DeployCommand() {
        this(System.getenv(), RetryPolicy.DEFAULT);
    }

    private DeployCommand(Map<String, String> env, RetryPolicy retryPolicy) {
        this.env = env;
        this.retryPolicy = retryPolicy;
    }

    /** A deploy signed with the credentials of {@code env} (for tests). */
    static int run(Map<String, String> env, RetryPolicy retries, String... args) {
        List<String> all = new ArrayList<>(List.of("deploy"));
        all.addAll(List.of(args));
        return CertRotatorCommand.run(GivenCommands.of(new DeployCommand(env, retries)), all.toArray(String[]::new));
    }

    @Override
    public Integer call() {
        ApiAccessOptions.ApiTarget target = api.target();
        CertificateUpload upload = new CertificateUpload(env, err, Clock.systemUTC(), retryPolicy);
        CertificateBundle bundle = upload.load(certificateFile, keyFile);
        Credential credential = upload.credential(target.profile());
        HomeFolder.writable(springBoot.properties());
        ReadStop stop = new ReadStop();
        // Uploaded once the estate is read: an unknown --zone or zones that cannot be listed send nothing.
        Supplier<DeploySelection> uploaded = () -> new DeploySelection(dryRun ? notUploaded()
                : upload(upload, target, credential, bundle, stop), bundle.names(), bundle.keyType(),
                bundle.notAfter());
        DeployPlanning.Request request = new DeployPlanning.Request(
                new EstateRequest(target, credential, estate.zones(), estate.progress(dryRun)), uploaded, dryRun);
        PlanOutcome outcome = new PlanOutcome();
        int planned = springBoot.run(DeployPlanning.class, springBoot.properties(), Map.of("deployRequest", request,
                "readStop", stop, "deployOutcome", outcome));
        if (planned != ExitCodes.SUCCEEDED) {
            return planned;
        }
        return outcome.rotate(plan -> rotate(plan, target, credential, () -> upload.credential(target.profile())));
    }

    private String notUploaded() {
        err.println("certificate not uploaded (dry run)");
        return NOT_UPLOADED;
    }

    /**
     * A signal while the upload is in flight lets it finish (its answer says which ID the service holds), then stops
     * the deploy before anything else, naming that ID.
     *
     * @throws CommandFailure when the SSL service refused the certificate or did not answer, or a stop came
     */
    private String upload(CertificateUpload upload, ApiAccessOptions.ApiTarget target, Credential credential,
                          CertificateBundle bundle, ReadStop stop) {
        UploadedCertificate uploaded = upload.upload(target.endpoint(), credential, bundle, alias);
        if (stop.stopped().isDone()) {
            throw new CommandFailure(ExitCodes.STOPPED, stop.stopped().join() + " while uploading: the SSL service"
                    + " holds the certificate as " + uploaded.certificateId() + "; no host was changed; run the same"
                    + " command again (it reuses " + uploaded.certificateId() + ")");
        }
        new OperatorLines(out, log).print(UploadResult.of(uploaded, bundle).render(UploadFormat.TEXT));
        return uploaded.certificateId();
    }

    /**
     * As {@code rotate --input=PLAN} with its defaults, but in rounds ({@link PlanRounds}): the plan holds only hosts
     * still due, so the same plan after a completed run (hosts put back since, or that failed) goes again. A stopped
     * run prints the command that resumes it.
     */
    private int rotate(Path plan, ApiAccessOptions.ApiTarget target, Credential credential,
                       Supplier<Credential> renewal) {
        RotateOptions options = new RotateOptions(plan, RotateOptions.defaultReport(plan), false, Optional.empty(),
                target.endpoint().url(), CallPacer.API_LIMIT_PER_SECOND, RotateOptions.MAX_HOSTS_PER_CALL, false,
                false, false, estate.progress(false), target.profile());
        List<String> args = new ArrayList<>(List.of(CertRotatorCommand.DEFAULT_COMMAND, "--input=" + plan));
        if (target.profile() != null) {
            args.add("--profile=" + target.profile());
        }
        args.add("--endpoint=" + target.endpoint().url());
        args.addAll(springBoot.properties());
        return springBoot.run(RotationRunner.class, args, Map.of("rotateOptions", options,
                "givenCredential", new ApiAccessConfiguration.GivenCredential(credential, renewal),
                "planRounds", new PlanRounds()));
    }
}
