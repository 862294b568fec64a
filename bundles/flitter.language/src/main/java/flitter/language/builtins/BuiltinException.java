package flitter.language.builtins;

/** A built-in was called wrongly; the message says how. */
public final class BuiltinException extends Exception {
    private static final long serialVersionUID = 1L;

    public BuiltinException(String message) {
        super(message);
    }
}
