package jp.madoguchi.forms.domain;

import java.util.List;

/** The printers administrators registered, in {@code forms.printers}. */
public interface PrinterRepository {

	/** Every registered printer, by name. */
	List<RegisteredPrinter> all();

	void add(RegisteredPrinter printer, String createdBy);

	/**
	 * @return whether there was such a printer
	 */
	boolean remove(String name);

	/** A printer as registered on the printer master page. */
	record RegisteredPrinter(String name, java.net.URI uri, String location) {

	}

}
