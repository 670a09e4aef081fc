package io.certrotator.cli;

import com.tencentcloudapi.common.Credential;
import io.certrotator.certs.CertificateBundle;
import io.certrotator.certs.CertificateFiles;
import io.certrotator.edgeone.ApiAccess;
import io.certrotator.edgeone.ApiResponse;
import io.certrotator.edgeone.ApiService;
import io.certrotator.edgeone.CallPacer;
import io.certrotator.edgeone.CertificateUploads;
import io.certrotator.edgeone.CredentialChain;
import io.certrotator.edgeone.EdgeOneEndpoint;
import io.certrotator.edgeone.ErrorClass;
import io.certrotator.edgeone.FatalRefusal;
import io.certrotator.edgeone.RetriedCalls;
import io.certrotator.edgeone.RetryPolicy;
import io.certrotator.edgeone.UploadCertificate;
import io.certrotator.edgeone.UploadedCertificate;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The steps {@code upload} and {@code deploy} share: the files checked here (warnings on standard error), the
 * credentials of the chain, the upload with its retries, and what a refusal means (its exit code and one line). The
 * private key goes nowhere but the UploadCertificate request's body.
 */
final class CertificateUpload {

    static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, String> env;
    private final PrintStream err;
    private final Clock clock;
    private final RetryPolicy retryPolicy;

    CertificateUpload(Map<String, String> env, PrintStream err, Clock clock, RetryPolicy retryPolicy) {
        this.env = env;
        this.err = err;
        this.clock = clock;
        this.retryPolicy = retryPolicy;
    }

    /** @throws io.certrotator.certs.CertificateFileException for a file the SSL service would refuse */
    CertificateBundle load(Path certificateFile, Path keyFile) {
        CertificateBundle bundle = new CertificateFiles(clock).load(certificateFile, keyFile);
        bundle.warnings().forEach(warning -> err.println("warning: " + warning));
        bundle.notes().forEach(note -> err.println("note: " + note));
        if (bundle.reordered()) {
            err.println("note: " + certificateFile + " does not have the chain leaf first; it is sent leaf first");
        }
        return bundle;
    }

    /** @throws ConfigurationMistake when the chain has no credentials */
    Credential credential(String profile) {
        try {
            return CredentialChain.standard(env).resolve(profile);
        } catch (IllegalStateException e) {
            throw new ConfigurationMistake(e.getMessage());
        }
    }

    /** @throws CommandFailure when the SSL service refused the certificate (3) or did not answer (1) */
    UploadedCertificate upload(EdgeOneEndpoint endpoint, Credential credential, CertificateBundle bundle,
                               String alias) {
        CertificateUploads uploads = new CertificateUploads(new ApiAccess(endpoint, credential, CALL_TIMEOUT)
                .newClient(ApiService.SSL, CallPacer.local(UploadCertificate.RATE_LIMIT)), retryPolicy);
        try {
            return uploads.upload(new UploadCertificate(bundle.chainPem(), bundle.privateKeyPem(), alias));
        } catch (RetriedCalls.Failed failed) {
            throw refused(failed.error());
        }
    }

    private static CommandFailure refused(ApiResponse.Error error) {
        int exitCode = ExitCodes.ofRefusedCall(error.errorClass());
        String what = exitCode == ExitCodes.ROWS_FAILED ? "the SSL service refused the certificate"
                : "the upload did not go through";
        String why = error.errorClass() == ErrorClass.FATAL ? FatalRefusal.reason(error)
                : error.code() + ": " + error.message();
        return new CommandFailure(exitCode, what + ": " + why
                + (error.requestId() == null ? "" : " (request " + error.requestId() + ")"));
    }
}
