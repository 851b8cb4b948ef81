"""Starting out: the first run of a register (agency, default signer, empty or demo) and the
demo register (the Thanh tra Đắk Nông 2021 plan with units, progress and inspections).

Composes the features: may import plans, progress, inspections, register, excel.read.
"""
