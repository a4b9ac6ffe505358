package nn.serve;

/** A request the server turns away with a 4xx status; the message says what was expected. */
final class BadRequest extends RuntimeException {
    final int status;

    BadRequest(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }
}
