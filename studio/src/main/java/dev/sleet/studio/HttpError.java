package dev.sleet.studio;

/** A request the studio answers with an error status and a sentence saying what to do. */
final class HttpError extends RuntimeException {
    private final int status;

    HttpError(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }

    static HttpError badRequest(String message) {
        return new HttpError(400, message);
    }

    static HttpError notFound(String message) {
        return new HttpError(404, message);
    }

    static HttpError forbidden(String message) {
        return new HttpError(403, message);
    }
}
