package io.certrotator.edgeone;

import io.certrotator.certs.KeyType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class KeyTypeNamesTest {

    @ParameterizedTest
    @CsvSource({"RSA 2048,RSA", "RSA,RSA", "rsa 4096,RSA", "ECC 256,ECC", "ECC,ECC", "ECDSA,ECC", "ECDSA P-256,ECC",
            "EC_P384,ECC", " ECC 384 ,ECC"})
    void eitherApisNameForAKeyFamilyIsRead(String apiName, KeyType expected) {
        assertThat(KeyTypeNames.of(apiName)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "SM2", "DSA", "unknown"})
    void anyOtherNameIsNoFamily(String apiName) {
        assertThat(KeyTypeNames.of(apiName)).isEmpty();
    }
}
