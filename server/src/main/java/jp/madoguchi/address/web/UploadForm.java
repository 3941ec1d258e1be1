package jp.madoguchi.address.web;

import org.jspecify.annotations.Nullable;

import org.springframework.web.multipart.MultipartFile;

/** The upload form of the admin page: which dataset, which file. */
public class UploadForm {

	private String dataset = "";

	private @Nullable MultipartFile file;

	public String getDataset() {
		return dataset;
	}

	public void setDataset(@Nullable String dataset) {
		this.dataset = (dataset != null) ? dataset : "";
	}

	public @Nullable MultipartFile getFile() {
		return file;
	}

	public void setFile(@Nullable MultipartFile file) {
		this.file = file;
	}

}
