package io.certrotator.edgeone;

/**
 * A Tencent Cloud API service the client talks to: its name, which is the first label of its host and the service
 * the TC3 signature is scoped to, and the API version it is called with.
 */
public record ApiService(String name, String version) {

    /** EdgeOne. */
    public static final ApiService TEO = new ApiService("teo", "2022-09-01");
    /** The SSL certificate service, which holds the account's certificates. */
    public static final ApiService SSL = new ApiService("ssl", "2019-12-05");
}
