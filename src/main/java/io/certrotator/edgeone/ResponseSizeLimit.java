package io.certrotator.edgeone;

import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;

/**
 * Refuses an answer far bigger than any this API gives before it is read into memory: the SDK reads
 * whole bodies into one string, and a runaway body must cost one failed call, not the process.
 */
final class ResponseSizeLimit implements Interceptor {

    static final long MAX_BYTES = 1 << 20;

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        ResponseBody body = response.body();
        if (body != null && (body.contentLength() > MAX_BYTES || body.source().request(MAX_BYTES + 1))) {
            response.close();
            throw new TooLarge();
        }
        return response;
    }

    /** The answer was over {@link #MAX_BYTES}. */
    static final class TooLarge extends IOException {
        TooLarge() {
            super("the response is over " + MAX_BYTES + " bytes");
        }
    }
}
