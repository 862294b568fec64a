package flitter.language.builtins;

/** {@code debug(x)}: logs the text form of {@code x} and gives {@code x}. */
final class DebugLibrary implements Library {
    @Override
    public void register(Registry registry) {
        registry.add(new Builtin("debug", Parameters.afterContext("value"), (context, a) -> {
            context.log(a[0].repr());
            return a[0];
        }));
    }
}
