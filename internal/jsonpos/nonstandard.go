package jsonpos

// FindNonStandard returns the first NaN or Infinity in v, or nil.
func FindNonStandard(v *Value) *Value {
	if v.IsNonStandard() {
		return v
	}
	for i := range v.Items {
		if n := FindNonStandard(&v.Items[i]); n != nil {
			return n
		}
	}
	return nil
}
