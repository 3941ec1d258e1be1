package jp.madoguchi.address.domain;

import java.util.function.Supplier;

/** The two address files the city imports, each replacing a table of its own. */
public enum Dataset {

	/** Japan Post's postal codes, {@code utf_ken_all.csv}. */
	KEN_ALL("ken_all", "address.postal_codes", KenAllFormat::new),

	/** The address base registry's town master, {@code mt_town_all.csv}. */
	TOWN_MASTER("town_master", "address.towns", TownMasterFormat::new);

	private final String key;

	private final String table;

	private final Supplier<AddressFileFormat> format;

	Dataset(String key, String table, Supplier<AddressFileFormat> format) {
		this.key = key;
		this.table = table;
		this.format = format;
	}

	/** The stable lower-case name used in the database, the audit trail and URLs. */
	public String key() {
		return key;
	}

	/** The table the dataset fills, schema-qualified. */
	public String table() {
		return table;
	}

	/** A fresh reader of the file format; formats keep state (the header) per file. */
	AddressFileFormat newFormat() {
		return format.get();
	}

	/** The message key of the dataset's name shown to people. */
	public String messageKey() {
		return "address.dataset." + key;
	}

	public static Dataset ofKey(String key) {
		for (Dataset dataset : values()) {
			if (dataset.key.equals(key)) {
				return dataset;
			}
		}
		throw new IllegalArgumentException("unknown address dataset: " + key);
	}

}
