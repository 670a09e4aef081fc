package io.certrotator.certs;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.cert.X509Certificate;
import java.util.List;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/** PEM text for the upload: the chain's CERTIFICATE blocks in order, the key as an unencrypted PKCS#8 block. */
final class PemText {

    private PemText() {
    }

    static String of(List<X509Certificate> certificates) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            for (X509Certificate certificate : certificates) {
                writer.writeObject(certificate);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    static String of(PrivateKeyInfo key) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(new PKCS8Generator(key, null));
        } catch (IOException e) {
            // a StringWriter does not fail; no cause attached, as it could describe the key
            throw new IllegalStateException("cannot write the private key as PEM");
        }
        return text.toString();
    }
}
