# release
