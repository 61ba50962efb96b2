package extract

func (d *doc) relations() {}
