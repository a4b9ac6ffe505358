package nn.api.train;

/**
 * A train section that cannot become the parts that run: a provider (loss, optimizer,
 * schedule, a layer of the network) rejected its arguments, names one that is not installed,
 * or the settings break a rule. Bad input, not a failure at run time: every command reports it
 * as one line (exit code 2). The message starts with the file it came from, when known.
 */
public final class InvalidTrainSection extends IllegalArgumentException {
    public InvalidTrainSection(String message, Throwable cause) {
        super(message, cause);
    }
}
