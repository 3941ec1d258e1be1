package jp.madoguchi.forms.template;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * Data paths such as {@code newAddress.postalCode} over records: checked against the
 * record types when a template is saved, resolved against values when a form is printed.
 * {@code $index} inside a repeat is the row's number from 1.
 */
public final class DataPaths {

	private static final Map<Class<?>, Map<String, RecordComponent>> COMPONENTS = new ConcurrentHashMap<>();

	/** The row number inside a repeat. */
	public static final String INDEX = "$index";

	private DataPaths() {
	}

	/**
	 * The type {@code path} leads to from {@code root} (for a list, {@code List.class}),
	 * or empty when a segment names nothing.
	 */
	public static Optional<Class<?>> typeOf(Class<?> root, String path) {
		if (INDEX.equals(path)) {
			return Optional.of(Integer.class);
		}
		Class<?> type = root;
		for (String segment : path.split("\\.", -1)) {
			RecordComponent component = component(type, segment);
			if (component == null) {
				return Optional.empty();
			}
			type = component.getType();
		}
		return Optional.of(type);
	}

	/** The record type of the items of the list {@code path} names, or empty. */
	public static Optional<Class<?>> elementTypeOf(Class<?> root, String path) {
		Class<?> type = root;
		RecordComponent component = null;
		for (String segment : path.split("\\.", -1)) {
			component = component(type, segment);
			if (component == null) {
				return Optional.empty();
			}
			type = component.getType();
		}
		if (component == null || !List.class.equals(type)) {
			return Optional.empty();
		}
		Type generic = component.getGenericType();
		if (generic instanceof ParameterizedType parameterized
				&& parameterized.getActualTypeArguments()[0] instanceof Class<?> element && element.isRecord()) {
			return Optional.of(element);
		}
		return Optional.empty();
	}

	/** The value at {@code path}, or null when a step is null. */
	public static @Nullable Object resolve(Object root, String path) {
		Object value = root;
		for (String segment : path.split("\\.", -1)) {
			if (value == null) {
				return null;
			}
			RecordComponent component = component(value.getClass(), segment);
			if (component == null) {
				throw new IllegalArgumentException("no " + segment + " in " + value.getClass().getSimpleName());
			}
			try {
				value = component.getAccessor().invoke(value);
			}
			catch (IllegalAccessException | InvocationTargetException ex) {
				throw new IllegalStateException("cannot read " + path, ex);
			}
		}
		return value;
	}

	private static @Nullable RecordComponent component(Class<?> type, String name) {
		if (!type.isRecord() || name.isEmpty()) {
			return null;
		}
		// Class.getRecordComponents copies and reflects on every call: a form resolves
		// hundreds of paths
		return COMPONENTS.computeIfAbsent(type, DataPaths::components).get(name);
	}

	private static Map<String, RecordComponent> components(Class<?> type) {
		Map<String, RecordComponent> components = new HashMap<>();
		for (RecordComponent component : type.getRecordComponents()) {
			component.getAccessor().setAccessible(true);
			components.put(component.getName(), component);
		}
		return components;
	}

}
