package io.certrotator.certs;

/** The two key families the SSL API takes, by the names it uses for them. */
public enum KeyType {
    RSA(2048),
    ECC(256);

    private final int minimumBits;

    KeyType(int minimumBits) {
        this.minimumBits = minimumBits;
    }

    /** The smallest key accepted: RSA 2048 bits, an EC curve of 256 bits. */
    public int minimumBits() {
        return minimumBits;
    }
}
