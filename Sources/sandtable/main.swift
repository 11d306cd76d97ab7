import Console

print("sandtable")
