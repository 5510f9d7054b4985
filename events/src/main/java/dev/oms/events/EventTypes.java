package dev.oms.events;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The CloudEvents type of every event record: {@code oms.<RecordName>.v1}. */
public final class EventTypes {

    @SuppressWarnings("unchecked")
    public static final List<Class<? extends OmsEvent>> ALL = Arrays.stream(OmsEvent.class.getPermittedSubclasses())
            .<Class<? extends OmsEvent>>map(c -> (Class<? extends OmsEvent>) c)
            .toList();

    private static final Map<String, Class<? extends OmsEvent>> BY_TYPE = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(EventTypes::typeOf, Function.identity()));

    private EventTypes() {
    }

    public static String typeOf(Class<? extends OmsEvent> eventClass) {
        return "oms." + eventClass.getSimpleName() + ".v1";
    }

    public static Optional<Class<? extends OmsEvent>> classOf(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }
}
