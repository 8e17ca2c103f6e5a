"""The original course's distance and angle, with np.linalg.norm and a plain arccos of a clipped
cosine, returning NumPy floats."""
# fails: none
# %% distance
def distance(x0, x1):
    return np.linalg.norm(x0 - x1)
# %% angle
def angle(x0, x1):
    return np.arccos(np.clip(x0 @ x1 / (np.linalg.norm(x0) * np.linalg.norm(x1)), -1, 1))
