package annotate

func (d *doc) english(s sentence, si int) []found {
	return nil
}
